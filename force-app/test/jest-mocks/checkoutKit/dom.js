/* global document, FocusEvent */
/** DOM helpers for Checkout Kit component tests. */

/** The text of the elements an element's aria-describedby points to (empty when it points nowhere). */
function describedText(shadowRoot, element) {
    const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids
        .map((id) => shadowRoot.querySelector(`[id="${id}"]`))
        .filter(Boolean)
        .map((node) => node.textContent.trim())
        .join(' ');
}

/** Sets an input's value and fires `change`, as a shopper leaving the field does. */
function commitValue(input, value) {
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
}

/** Fires `focus`, as a shopper entering the field does. */
function focusField(input) {
    input.dispatchEvent(new FocusEvent('focus'));
}

/** Sets an input's value and fires `input` only, as a keystroke does: the field is not left yet. */
function typeValue(input, value) {
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

/** Fires `blur`, as a shopper leaving the field does (without the `change` a browser may skip). */
function leaveField(input) {
    input.dispatchEvent(new FocusEvent('blur'));
}

/**
 * Fires `focusout` (it bubbles), as focus leaving a field for `next` does (null: for nothing focusable, such as
 * a click on the page). Forms that wait for the shopper to leave a group of fields listen to it.
 */
function moveFocus(field, next = null) {
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: next }));
}

/** Removes every component the test rendered. */
function cleanUpDom() {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

module.exports = {
    describedText,
    commitValue,
    focusField,
    typeValue,
    leaveField,
    moveFocus,
    cleanUpDom
};
