/**
 * The warnings of a JSON text, in document order, as (instancePath, warning) pairs.
 * @param {string} text  must be a JSON text JSON.parse accepts
 * @returns {ReferenceWarning[]}
 */
export function referenceWarnings(text: string): ReferenceWarning[];
export type ReferenceWarning = {
    instancePath: string;
    warning: "unsafeInteger" | "duplicateKey" | "loneSurrogate";
};
