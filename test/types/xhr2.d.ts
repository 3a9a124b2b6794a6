// xhr2 ships no types: it is the browser's XMLHttpRequest, which directlinejs (RxJS ajax) needs in Node.
declare module "xhr2" {
  const XMLHttpRequest: typeof globalThis.XMLHttpRequest;
  export default XMLHttpRequest;
}
