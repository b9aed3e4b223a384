/** The address to send on Save, or null when there is nothing to save: empty (Remove is for that) or the one already kept. */
export function alertEmailToSave(input: string, current: string | null | undefined): string | null {
  const email = input.trim();
  return email === '' || email === (current ?? '') ? null : email;
}
