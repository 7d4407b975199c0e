module.exports.products = [
  { name: "Teapot", price: 24.5 },
  { name: "Mug", price: 8 },
  { name: "Kettle", price: 39.9 },
];
