// The integration and end-to-end tests need a Redis on 127.0.0.1:6379. When none answers, one is started
// (without persistence); when that is impossible the run fails: a missing Redis is never a silent skip.
const { execFileSync, spawnSync } = require('node:child_process');

const ping = () =>
  (
    spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { encoding: 'utf8' }).stdout ?? ''
  ).includes('PONG');

module.exports = function globalSetup() {
  if (ping()) return;
  try {
    execFileSync('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      '6379',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      '/tmp',
    ]);
  } catch (error) {
    throw new Error(
      `No Redis answers on 127.0.0.1:6379 and redis-server could not be started (${error}). Install redis-server.`,
    );
  }
  const deadline = Date.now() + 5000;
  while (!ping()) {
    if (Date.now() > deadline)
      throw new Error('redis-server was started but does not answer on 127.0.0.1:6379.');
    spawnSync('sleep', ['0.1']);
  }
};
