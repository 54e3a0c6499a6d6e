// Ambient declarations for the platform's scoped modules the engine imports.
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/apex/*' {
    const apexMethod: (params?: Record<string, unknown>) => Promise<unknown>;
    export default apexMethod;
}

declare module '@salesforce/community/basePath' {
    const basePath: string;
    export default basePath;
}

declare module '@salesforce/webstore/Id' {
    const webstoreId: string;
    export default webstoreId;
}

declare module '@salesforce/i18n/*' {
    const value: string;
    export default value;
}

declare module '@salesforce/user/isGuest' {
    const isGuest: boolean;
    export default isGuest;
}

// The LWR runtime's CSRF token for the current request (an empty value where the runtime has none).
declare module '@app/csrfToken' {
    const csrfToken: string | undefined;
    export default csrfToken;
}
