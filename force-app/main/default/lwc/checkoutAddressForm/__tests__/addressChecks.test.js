import { checkDate, checkInstructions, isoDateFromToday } from '../addressChecks';

const REQUIRED = 'c.CheckoutKit_ValidationRequired';
const WINDOW = { requireDeliveryDate: false, dateMin: '2026-01-02', dateMax: '2026-04-01' };

describe('addressChecks', () => {
    it('accepts a real date within the window, and an empty one unless required', () => {
        expect(checkDate('2026-02-01', WINDOW)).toBe('');
        expect(checkDate('', WINDOW)).toBe('');
        expect(checkDate('', { ...WINDOW, requireDeliveryDate: true })).toBe(REQUIRED);
        expect(checkDate('2026-02-30', WINDOW)).toBe('c.CheckoutKit_ValidationDate');
        expect(checkDate('2026-01-01', WINDOW)).toBe('c.CheckoutKit_DeliveryDateRange');
        expect(checkDate('2026-04-02', WINDOW)).toBe('c.CheckoutKit_DeliveryDateRange');
    });

    it('limits the shipping instructions', () => {
        expect(checkInstructions('x'.repeat(40), 40)).toBe('');
        expect(checkInstructions('x'.repeat(41), 40)).toBe('c.CheckoutKit_ValidationTooLong');
    });

    it('counts delivery days from today in the shopper time zone', () => {
        jest.useFakeTimers().setSystemTime(new Date(2026, 0, 31, 23, 30));
        try {
            expect(isoDateFromToday(0)).toBe('2026-01-31');
            expect(isoDateFromToday(1)).toBe('2026-02-01');
        } finally {
            jest.useRealTimers();
        }
    });
});
