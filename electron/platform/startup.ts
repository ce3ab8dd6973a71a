// Starts the data worker on a data directory and, on the very first start, loads the demo branch
// so that a new user opens a working app rather than an empty one.
import type { Progress } from '../api/types.js';
import { AppError } from '../api/errors.js';
import { WorkerHost, type WorkerHostOptions } from '../worker/host.js';
import type { AppInfo } from '../api/types.js';

export interface StartupOptions extends WorkerHostOptions {
  /** Load the demo branch when the database holds no branch yet. */
  seedDemo: boolean;
  onProgress?: (progress: Progress) => void;
}

export async function startDataWorker(options: StartupOptions): Promise<{ host: WorkerHost; info: AppInfo }> {
  const host = new WorkerHost(options);
  await host.ready();
  if (host.failure) {
    await host.close();
    throw new AppError(host.failure.code, host.failure.message, host.failure.details);
  }
  let info = await host.api.call('app.info', {});
  if (info.ok && info.value.branch === null && options.seedDemo) {
    const loaded = await host.api.call(
      'demo.install',
      {},
      options.onProgress ? { onProgress: options.onProgress } : {},
    );
    if (!loaded.ok) {
      await host.close();
      throw new AppError(loaded.error.code, `Could not load the demo branch: ${loaded.error.message}`);
    }
    info = await host.api.call('app.info', {});
  }
  if (!info.ok) {
    await host.close();
    throw new AppError(info.error.code, info.error.message);
  }
  return { host, info: info.value };
}
