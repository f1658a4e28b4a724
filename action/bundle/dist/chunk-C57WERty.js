export { t as run } from "./chunk-CtSMEcW9.js";
