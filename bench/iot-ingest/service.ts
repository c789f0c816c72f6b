import 'reflect-metadata';
import { iotService } from '../../apps/iot/src/iot.service-app';

/** The iot service in its own process (the parent sends "stop" to close it gracefully). */
iotService.start(process.env)
  .then((running) => {
    process.send?.('ready');
    process.on('message', (message) => {
      if (message === 'stop') void running.close().then(() => process.exit(0));
    });
  })
  .catch((error: Error) => {
    process.stderr.write(`iot failed to start: ${error.message}\n`);
    process.exit(1);
  });
