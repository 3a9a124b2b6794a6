/** All training templates, keyed by intent. */
import type { Templates } from "./types";
import { SOCIAL } from "./social";
import { ACCOUNT_ACCESS } from "./account-access";
import { ACCOUNT_RECORDS } from "./account-records";
import { RECORDS } from "./records";
import { SERVICES } from "./services";

export const TEMPLATES: Templates = { ...SOCIAL, ...ACCOUNT_ACCESS, ...ACCOUNT_RECORDS, ...RECORDS, ...SERVICES };
