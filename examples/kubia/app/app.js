// The "kubia" server of Kubernetes in Action, chapter 2: it answers every
// request with the name of the host (the pod or container) that served it.
const http = require('http');
const os = require('os');

const port = 8080;

console.log('Kubia server starting...');

const handler = (request, response) => {
  console.log(`Received request for ${request.url} from ${request.socket.remoteAddress}`);
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end(`You've hit ${os.hostname()}\n`);
};

const server = http.createServer(handler);
server.listen(port, () => console.log(`Listening on port ${port}`));

// Containers stop with SIGTERM; exit at once instead of waiting for the kill timeout.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
