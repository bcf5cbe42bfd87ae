/** LIKE patterns a users search matches, each a prefix; null when the search cannot be one of those. */
export interface UserSearchPatterns {
  externalId: string;
  phone: string | null;
  email: string | null;
}

/**
 * What a search box's text matches: a prefix of the user id; of the phone number when it looks like
 * one (spaces, dashes and brackets ignored, `+` added: numbers are stored in E.164); of the email
 * (case-insensitive) when it has no spaces. LIKE's wildcards in the text are matched literally.
 */
export function userSearchPatterns(search: string): UserSearchPatterns {
  const text = search.trim();
  const digits = text.replace(/[\s().-]/g, '');
  const phone = /^\+?\d+$/.test(digits) ? `${digits.startsWith('+') ? digits : `+${digits}`}` : null;
  return {
    externalId: `${escapeLike(text)}%`,
    phone: phone === null ? null : `${escapeLike(phone)}%`,
    email: /\s/.test(text) ? null : `${escapeLike(text.toLowerCase())}%`,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
