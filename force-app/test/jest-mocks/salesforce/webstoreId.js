// Stand-in for @salesforce/webstore/Id under Jest: a WebStore id shaped like the real one.
export default '0ZEJ000000000001AA';
