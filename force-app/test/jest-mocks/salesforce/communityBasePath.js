// Stand-in for @salesforce/community/basePath under Jest: the site's path prefix.
export default '/store';
