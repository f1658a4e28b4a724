export { t as startStagedGit } from "./chunk-BOT779UJ.js";
