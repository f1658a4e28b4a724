export { n as renderGithub } from "./chunk-D436L2EI.js";
