// Preloaded into EverShop (NODE_OPTIONS=--require): its server calls listen(port) on every interface; the test
// bed serves on 127.0.0.1 only, so a listen() given only a port gets the loopback host.
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const portOnly = (typeof args[0] === 'number' || /^\d+$/.test(String(args[0])))
    && (args.length === 1 || typeof args[1] === 'function');
  if (portOnly) args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
