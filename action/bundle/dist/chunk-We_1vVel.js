export { t as renderJson } from "./chunk-BeLcmdK2.js";
