// What the gateway says about a message, from a subscription, a read or a send, goes into the state and
// redraws whatever shows it.
import { showDetails } from '/live/details.js';
import { scheduleRender } from '/live/render-schedule.js';
import { applyInbound, applyMessage, state } from '/live/state.js';

export function receiveMessage(message) {
  if (!applyMessage(message)) return;
  scheduleRender();
  // The side panel shows this message: its history and diagnosis are read again.
  if (message.id === state.selectedId) void showDetails(message.id);
}

export function receiveInbound(event) {
  applyInbound(event);
  scheduleRender();
}
