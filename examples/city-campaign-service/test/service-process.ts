import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** The service as its own program (`src/main.ts`) on a free port, over the database at `location`. */
export async function startServiceProcess(location: string): Promise<{ url: string; stop(): Promise<void> }> {
  const variable = /^postgres(?:ql)?:\/\//.test(location) ? 'DATABASE_URL' : 'CAMPAIGN_DB';
  const child = spawn(process.execPath, ['--conditions=@sunshine-rubric/source', '--import', 'tsx', main], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', CAMPAIGN_DB: '', [variable]: location },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('the service did not start within 60 s')), 60_000);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) =>
      fail(new Error(`the service exited (${code}) before it listened: ${output}`)),
    );
  });
  child.stdout!.resume();
  return { url, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
