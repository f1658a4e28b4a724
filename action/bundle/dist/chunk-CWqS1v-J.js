export { t as run } from "./chunk-TkONLeVk.js";
