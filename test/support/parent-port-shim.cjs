// Makes a forked Node child look like an Electron utility process (process.parentPort), so the
// driver child's utilityProcess branch runs for real in tests. Like Electron's parentPort, it
// queues messages that arrive before a listener is registered.
'use strict';
const listeners = [];
const queued = [];
process.on('message', (data) => {
  if (listeners.length === 0) queued.push(data);
  else listeners.forEach((listener) => listener({ data }));
});
process.parentPort = {
  on: (_event, listener) => {
    listeners.push(listener);
    for (const data of queued.splice(0)) listener({ data });
  },
  postMessage: (message) => process.send(message),
};
