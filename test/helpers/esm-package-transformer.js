// Jest transformer for email-reply-parser, which ships ES modules only: Node 20 loads them natively
// (require(esm)), jest's CommonJS runtime does not. Babel turns them into CommonJS; the one line that builds
// a `require` from import.meta.url is dropped, since a CommonJS module already has its own `require`.
const babel = require("@babel/core");

module.exports = {
  process(source, filename) {
    const src = source.replace(/^const require = createRequire\(import\.meta\.url\);$/m, "");
    const out = babel.transformSync(src, {
      filename,
      babelrc: false,
      configFile: false,
      plugins: ["@babel/plugin-transform-modules-commonjs"],
      sourceMaps: "inline",
    });
    return { code: out.code };
  },
};
