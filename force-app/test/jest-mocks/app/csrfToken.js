// The LWR runtime's CSRF token stand-in for Jest: tests that need one pass a transport of their own.
export default 'jest-csrf-token';
