require('dotenv').config();
const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const pino = require('pino');
const { v4: uuid } = require('uuid');
const { z } = require('zod');
const { greet } = require('./greet');

const log = pino({ level: process.env.LOG_LEVEL || 'info' });
const Query = z.object({ name: z.string().min(1).default('strata') });

const app = express();
app.use(helmet());
app.use(cors());
app.get('/hello', (req, res) => {
  const { name } = Query.parse(req.query);
  log.info({ id: uuid() }, 'hello');
  res.json({ message: greet(name) });
});

if (require.main === module && process.env.PORT) {
  app.listen(Number(process.env.PORT), () => log.info('listening'));
} else {
  console.log(greet(Query.parse({}).name), typeof app.listen, uuid().length);
}
