// Renders the shop's pages from Markdown into dist/.
const fs = require("fs");
const path = require("path");
const { marked } = require("marked");
const { products } = require("./src/catalog");

const version = process.env.APP_VERSION || "dev";
fs.mkdirSync("dist", { recursive: true });
const list = products.map((p) => `- **${p.name}**: ${p.price.toFixed(2)} EUR`).join("\n");
const page = fs.readFileSync(path.join("src", "index.md"), "utf8")
  .replace("{{products}}", list)
  .replace("{{version}}", version);
fs.writeFileSync(path.join("dist", "index.html"), `<!doctype html>\n<title>shop</title>\n${marked.parse(page)}`);
console.log(`built dist/index.html for shop ${version} (${products.length} products)`);
