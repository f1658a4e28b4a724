export { n as renderGithub } from "./chunk-48BvkaMy.js";
