// `npm test`'s own set-up (npm runs it as `pretest`): what the suites need beyond `npm ci`, so that the
// README's two commands pass on a fresh machine. Redis is started by the suites' global set-up; this
// makes sure it and Debian's Chromium (with the CJK fonts of the Traditional Chinese screenshots) are
// installed, then builds `dist/`, which the end-to-end suites run as processes. What cannot be installed
// here stops the run at once with one line that says what to install.
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CJK_FONTS_DIR = '/usr/share/fonts/opentype/noto';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const missing = [
  !onPath('redis-server') && 'redis-server',
  !existsSync(CHROMIUM_PATH) && 'chromium',
  !existsSync(CJK_FONTS_DIR) && 'fonts-noto-cjk',
].filter(Boolean);

if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(`The tests need Debian's ${missing.join(', ')}: apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} for the tests (apt-get)`);
  const quiet = {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  execFileSync('apt-get', ['update', '-qq'], quiet);
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], quiet);
}

execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
