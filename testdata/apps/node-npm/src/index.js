const ms = require('ms');
const isNumber = require('is-number');
const { greet } = require('./greet');
console.log(greet('strata'), ms(90000), isNumber(42));
