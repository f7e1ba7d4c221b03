/** Text escaped for XML content and attribute values. */
export const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
