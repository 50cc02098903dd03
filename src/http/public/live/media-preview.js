// A customer's photo or file in the conversation. The media route wants the key as a bearer token, so the
// page fetches the bytes itself and shows them through a blob: URL.
import { element, t } from '/live/dom.js';
import { scheduleRender } from '/live/render-schedule.js';
import { state } from '/live/state.js';

/**
 * An image as <img>, anything else as a download link; both through a blob: URL of bytes fetched with
 * the key. (The caption is the message's text, shown below.)
 */
export function mediaPreview(media) {
  const loaded = state.media.get(media.id);
  if (!loaded) void loadMedia(media);
  if (!loaded || loaded.state === 'loading') {
    return element('div', { className: 'media', textContent: t('mediaLoading') });
  }
  if (loaded.state === 'failed') {
    return element('div', { className: 'media', textContent: t('mediaFailed', { status: loaded.status }) });
  }
  if (media.mimeType?.startsWith('image/')) {
    return element('figure', { className: 'media' }, [
      element('img', { src: loaded.url, alt: media.caption ?? t('inbound.IMAGE') }, [], {
        mediaId: media.id,
      }),
    ]);
  }
  const name = media.filename ?? `${media.id}${extensionOf(media.mimeType)}`;
  return element('div', { className: 'media' }, [
    element('a', { href: loaded.url, download: name, textContent: t('download', { name }) }, [], {
      mediaId: media.id,
    }),
  ]);
}

function extensionOf(mimeType) {
  const subtype = mimeType?.split('/')[1]?.split(';')[0];
  return subtype ? `.${subtype}` : '';
}

async function loadMedia(media) {
  state.media.set(media.id, { state: 'loading' });
  try {
    const blob = await state.client.mediaBlob(media.url);
    state.media.set(media.id, { state: 'ready', url: URL.createObjectURL(blob) });
  } catch (error) {
    state.media.set(media.id, { state: 'failed', status: error.status ?? error.message });
  }
  scheduleRender();
}
