import { useState } from 'react';
import { Alert, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Integration } from '../../../types';
import { useIntegrationCommand } from '../use-integration-command';

/** gzip then base64: a specification of several MB fits the API's 1 MiB body. */
const compressed = async (text: string): Promise<string> => {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
};

type Props = { integration: Integration; onUploaded: () => void };

/**
 * As the vendor's wizard offers for SAP OData: the service's `$metadata` file instead of a connection,
 * to build the integration before a connection exists.
 */
export const SpecificationUpload = ({ integration, onUploaded }: Props) => {
  const { run, isRunning } = useIntegrationCommand(integration);
  const [reading, setReading] = useState(false);

  const upload = async (file: File) => {
    setReading(true);
    try {
      const document = await compressed(await file.text());
      const uploaded = await run({
        path: '/specification',
        method: 'put',
        values: { document, encoding: 'gzip-base64' },
        successMessage: `Specification ${file.name} uploaded`,
      });
      if (uploaded) onUploaded();
    } finally {
      setReading(false);
    }
  };

  return (
    <>
      <Upload
        accept=".xml,.edmx,application/xml"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={reading || isRunning}>
          Upload $metadata
        </Button>
      </Upload>
      {integration.specificationId && !integration.connectionId && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="Built from the uploaded service specification"
          description="Its entity sets are the tables of the next steps, and the integration can be published. It serves data once a connection is selected here or bound by an administrator."
        />
      )}
    </>
  );
};
