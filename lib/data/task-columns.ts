/** Column selections of a task that several readers share. */
import { tasks } from "@/db/schema";

/** A task as its document writes it: 序号 (the number and its label), the section heading and the text. */
export const taskTextColumns = { id: tasks.id, seq: tasks.seq, seqLabel: tasks.seqLabel, section: tasks.section, content: tasks.content };
