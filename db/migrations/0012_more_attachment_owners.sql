ALTER TABLE "attachments" ALTER COLUMN "report_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "contribution_id" integer;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "rectification_id" integer;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_contribution_idx" ON "attachments" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "attachments_rectification_idx" ON "attachments" USING btree ("rectification_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_owner_ck" CHECK (num_nonnulls("attachments"."report_id", "attachments"."contribution_id", "attachments"."rectification_id") = 1);