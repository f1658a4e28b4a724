export { t as scanDiscovered, n as scanOneFile } from "./chunk-w8PgDGaN.js";
