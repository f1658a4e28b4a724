export { t as scanDiscovered, n as scanOneFile } from "./chunk-D0E5r8Xl.js";
