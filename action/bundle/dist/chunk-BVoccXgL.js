export { t as run } from "./chunk-DKNCxRkt.js";
