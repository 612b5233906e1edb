import amqp from 'amqplib';

const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createConfirmChannel();

// Only email has a queue bound; sms and push have nowhere to go.
await ch.assertExchange('notifications', 'direct', { durable: true });
await ch.assertQueue('notify.email', { durable: true });
await ch.bindQueue('notify.email', 'notifications', 'email');

// mandatory: true asks the broker to hand unroutable messages back instead of dropping them.
ch.on('return', (msg) => {
  console.log(`returned: key=${msg.fields.routingKey} body=${msg.content.toString()}`);
});

for (const channelType of ['email', 'sms', 'push']) {
  const body = Buffer.from(`order A1001 shipped (${channelType})`);
  ch.publish('notifications', channelType, body, { mandatory: true, persistent: true });
}
// A return always arrives before the confirm of the same message,
// so once confirms are in, every return has been reported.
await ch.waitForConfirms();
console.log('all confirmed: a confirm means "handled", not "routed to a queue"');

// The broker-side alternative: an alternate exchange catches whatever no binding matches.
await ch.assertExchange('notifications.unrouted', 'fanout', { durable: true });
await ch.assertQueue('notify.unrouted', { durable: true });
await ch.bindQueue('notify.unrouted', 'notifications.unrouted', '');
await ch.assertExchange('notifications.v2', 'direct', {
  durable: true,
  alternateExchange: 'notifications.unrouted',
});
ch.publish('notifications.v2', 'sms', Buffer.from('order A1002 shipped (sms)'), {
  persistent: true,
});
await ch.waitForConfirms();
const { messageCount } = await ch.checkQueue('notify.unrouted');
console.log(`parked by the alternate exchange: ${messageCount}`);

await conn.close();
