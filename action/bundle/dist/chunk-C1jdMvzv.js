export { t as scanDiscovered, n as scanOneFile } from "./chunk-BBWIK3L-.js";
