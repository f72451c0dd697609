{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>{{SHORT_NAME}}</ShortName>
  <Description>Search the {{SITE_TITLE}} news archive</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
  <Url type="text/html" method="get" template="{{SCRIPT_URL}}?q={searchTerms}&amp;page={startPage?}"/>
  <Url type="application/atom+xml" method="get" template="{{SCRIPT_URL}}?q={searchTerms}&amp;format=atom"/>
  <Url type="application/json" method="get" template="{{SCRIPT_URL}}?q={searchTerms}&amp;format=json"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="{{SCRIPT_URL}}?format=opensearch"/>
</OpenSearchDescription>
