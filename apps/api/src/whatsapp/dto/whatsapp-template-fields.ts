import { WHATSAPP_TEMPLATE_STATUSES } from '@engine/persistence';

/** Meta's template names: lowercase letters, digits and underscores. */
export const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
/** Meta's language codes: `en`, `en_US`, `pt_BR`, `fil`. */
export const TEMPLATE_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2,3})?$/;
export const TEMPLATE_STATUS_MESSAGE = `status must be one of ${WHATSAPP_TEMPLATE_STATUSES.join(', ')}`;
