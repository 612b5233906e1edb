import { once } from 'node:events';
import nsq from 'nsqjs';

// Finance: four monthly reports to render, published to the `reports` topic at once.
const writer = new nsq.Writer('localhost', 4150);
writer.connect();
await once(writer, 'ready');
const reports = ['north', 'south', 'east', 'west'].map((region) => ({
  reportId: `report-${region}`,
}));
await new Promise<void>((resolve, reject) =>
  writer.publish('reports', reports, (err) => (err ? reject(err) : resolve())),
);
writer.close();
