export { t as renderJson } from "./chunk-CRjAn5or.js";
