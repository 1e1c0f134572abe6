import type { PluginCreator } from "postcss";

export declare function expandSelector(selector: string): string[] | null;
declare const legacyChromium: PluginCreator<void>;
export default legacyChromium;
