/** A rejected request: becomes a Connect-style error body `[{"errorCode", "message"}]`. */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string
    ) {
        super(message);
    }
}

export function invalidInput(message: string): ApiError {
    return new ApiError(400, 'INVALID_INPUT', message);
}

export function notFound(message: string): ApiError {
    return new ApiError(404, 'NOT_FOUND', message);
}

export function conflict(
    message = 'A checkout operation is still in progress. Retry when it completes.'
): ApiError {
    return new ApiError(409, 'CHECKOUT_CONFLICT', message);
}
