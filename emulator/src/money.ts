/** Money is kept as integer cents and sent as a decimal string, as the Connect API does. */
export type Cents = number;

export function cents(amount: number): Cents {
    return Math.round(amount * 100);
}

export function formatMoney(value: Cents): string {
    const sign = value < 0 ? '-' : '';
    const abs = Math.abs(Math.round(value));
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `value × percent / 100`, rounded half away from zero to the cent. */
export function percentOf(value: Cents, percent: number): Cents {
    const raw = (value * percent) / 100;
    return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}
