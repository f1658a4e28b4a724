export { t as scanDiscovered, n as scanOneFile } from "./chunk-BP3JkyMo.js";
