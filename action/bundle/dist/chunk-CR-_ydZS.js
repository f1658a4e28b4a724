export { t as scanDiscovered, n as scanOneFile } from "./chunk-BkeeEYCW.js";
