// The safe template engine lives in core (the browser previews with it); templates keep using it from here.
export { escapeHtml, render, UnknownVariableError } from '@facturo/core';
