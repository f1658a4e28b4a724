export { t as run } from "./chunk-BN43YBMO.js";
