/** Zod's own messages (an unexpected field, a wrong type) in Chinese, wherever a schema has none of its own. */
import { z } from "zod";

z.config(z.locales.zhCN());
