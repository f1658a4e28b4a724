export { t as scanDiscovered, n as scanOneFile } from "./chunk-Bnv86HIt.js";
