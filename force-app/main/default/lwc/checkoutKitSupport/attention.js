/**
 * The page's forms that can show what the shopper still has to fill in or correct. Place Order asks them when
 * the order cannot go for missing information: every form marks its fields (aria-invalid, the message, the red
 * border) and the first one with something to fix takes focus, so the shopper lands where to act, also on a
 * phone where the summary sits below the forms. Forms register as they connect, which is page order.
 */
const forms = [];

/**
 * `form.reportValidity({ focus })` checks every field, shows the messages, moves focus to the first invalid field
 * when `focus` is true, and returns whether the form is valid. Returns the function that unregisters it.
 */
export function registerForm(form) {
    forms.push(form);
    return () => {
        const index = forms.indexOf(form);
        if (index >= 0) {
            forms.splice(index, 1);
        }
    };
}

/** Every form shows what is missing; the first with something to fix takes focus. True when one did. */
export function showWhatIsMissing() {
    let focused = false;
    forms.forEach((form) => {
        if (!form.reportValidity({ focus: !focused })) {
            focused = true;
        }
    });
    return focused;
}
